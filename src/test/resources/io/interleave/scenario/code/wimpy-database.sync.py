# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_page(request):
    parse_request()  # compute 4 ms "parse request"
    db_query()       # wait 100 ms on database (2 slots) "db query"
    render_page()    # compute 4 ms "render page"

