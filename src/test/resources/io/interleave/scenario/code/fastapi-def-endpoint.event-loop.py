# server: event loop, 1 loop on 2 cores
# CPython with a GIL, one process per loop
# an await lets the loop run other requests; a plain call holds it
async def handle_page(request):
    parse_request()   # compute 2 ms "parse request"
    await db_query()  # wait 20 ms on database "db query"
    render_page()     # compute 2 ms "render page"

# server: event loop, 1 loop on 2 cores
# CPython with a GIL, one process per loop
# an await lets the loop run other requests; a plain call holds it
# no thread pool: a call marked offload runs in place
async def handle_report(request):
    build_report()  # compute 100 ms offload "build report"

