# server: event loop, 1 loop on 1 core
# an await lets the loop run other requests; a plain call holds it
async def handle_page(request):
    parse_request()   # compute 4 ms "parse request"
    await db_query()  # wait 60 ms on database (shared) "db query"
    render_page()     # compute 4 ms "render page"

