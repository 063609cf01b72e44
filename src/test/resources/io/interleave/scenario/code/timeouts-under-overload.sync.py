# server: sync (threads), 1 thread on 1 core
# each request holds its thread from start to end, waits included
# the client gives up after 150 ms; the thread works on to the end for nobody
def handle_report(request):
    build_query()  # compute 20 ms "build query"
    db_query()     # wait 50 ms "db query"
    render_page()  # compute 20 ms "render page"

