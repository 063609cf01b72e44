# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_report(request):
    parse_request()  # compute 10 ms "parse request"
    db_query()       # wait 80 ms on database "db query"
    render_page()    # compute 10 ms "render page"

# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_lookup(request):
    parse_request()  # compute 4 ms "parse request"
    db_query()       # wait 28 ms on database "db query"
    render_json()    # compute 4 ms "render json"

