# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_page(request):
    parse_request()  # compute 3 ms "parse request"
    db_query()       # wait 20 ms on database "db query"
    render_page()    # compute 3 ms "render page"

# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
def handle_resize(request):
    resize_image()  # compute 200 ms "resize image"

