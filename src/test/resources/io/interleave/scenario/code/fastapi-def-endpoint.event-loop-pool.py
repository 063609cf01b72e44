# server: event loop + thread pool, 1 loop on 2 cores, 40 pool threads
# CPython with a GIL, one process per loop, each with its own pool
# an await lets the loop run other requests; a plain call holds it
async def handle_page(request):
    parse_request()   # compute 2 ms "parse request"
    await db_query()  # wait 20 ms on database "db query"
    render_page()     # compute 2 ms "render page"

# server: event loop + thread pool, 1 loop on 2 cores, 40 pool threads
# CPython with a GIL, one process per loop, each with its own pool
# an await lets the loop run other requests; a plain call holds it
async def handle_report(request):
    await asyncio.to_thread(build_report)  # compute 100 ms "build report"

