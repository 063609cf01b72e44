# server: event loop, 1 loop on 1 core
# an await lets the loop run other requests; a plain call holds it
async def handle_page(request):
    parse_request()   # compute 3 ms "parse request"
    await db_query()  # wait 20 ms on database "db query"
    render_page()     # compute 3 ms "render page"

# server: event loop, 1 loop on 1 core
# an await lets the loop run other requests; a plain call holds it
async def handle_resize(request):
    resize_image()  # compute 200 ms "resize image"

