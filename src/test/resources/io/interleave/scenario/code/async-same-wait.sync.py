# server: sync (threads), 2 threads on 1 core
# each request holds its thread from start to end, waits included
def handle_page(request):
    parse_request()  # compute 4 ms "parse request"
    db_query()       # wait 100 ms on database "db query"
    render_page()    # compute 4 ms "render page"

