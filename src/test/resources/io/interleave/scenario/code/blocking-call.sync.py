# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_page(request):
    parse_request()  # compute 3 ms "parse request"
    db_query()       # wait 40 ms on database "db query"
    render_page()    # compute 3 ms "render page"

# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_legacy(request):
    parse_request()  # compute 3 ms "parse request"
    time.sleep()     # block 150 ms
    render_page()    # compute 3 ms "render page"

