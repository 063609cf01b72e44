# server: event loop + thread pool, 1 loop on 1 core, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
async def handle_page(request):
    parse_request()   # compute 3 ms "parse request"
    await db_query()  # wait 40 ms on database "db query"
    render_page()     # compute 3 ms "render page"

# server: event loop + thread pool, 1 loop on 1 core, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
async def handle_legacy(request):
    parse_request()                      # compute 3 ms "parse request"
    await asyncio.to_thread(time.sleep)  # block 150 ms
    render_page()                        # compute 3 ms "render page"

