# server: event loop + thread pool, 1 loop on 1 core, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
async def handle_report(request):
    parse_request()   # compute 10 ms "parse request"
    await db_query()  # wait 80 ms on database "db query"
    render_page()     # compute 10 ms "render page"

# server: event loop + thread pool, 1 loop on 1 core, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
async def handle_lookup(request):
    parse_request()   # compute 4 ms "parse request"
    await db_query()  # wait 28 ms on database "db query"
    render_json()     # compute 4 ms "render json"

