# server: event loop, 1 loop on 1 core
# an await lets the loop run other requests; a plain call holds it
async def handle_page(request):
    parse_request()   # compute 3 ms "parse request"
    await db_query()  # wait 40 ms on database "db query"
    render_page()     # compute 3 ms "render page"

# server: event loop, 1 loop on 1 core
# an await lets the loop run other requests; a plain call holds it
# no thread pool: a call marked offload runs in place
async def handle_legacy(request):
    parse_request()  # compute 3 ms "parse request"
    time.sleep()     # block 150 ms offload
    render_page()    # compute 3 ms "render page"

