# server: sync (threads), 1 thread on 2 cores
# CPython with a GIL, 1 process x 1 thread
# each request holds its thread from start to end, waits included
def handle_page(request):
    parse_request()  # compute 2 ms "parse request"
    db_query()       # wait 20 ms on database "db query"
    render_page()    # compute 2 ms "render page"

# server: sync (threads), 1 thread on 2 cores
# CPython with a GIL, 1 process x 1 thread
# each request holds its thread from start to end, waits included
# no thread pool: a call marked offload runs in place
def handle_report(request):
    build_report()  # compute 100 ms offload "build report"

