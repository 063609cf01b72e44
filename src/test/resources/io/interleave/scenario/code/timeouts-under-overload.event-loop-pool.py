# server: event loop + thread pool, 1 loop on 1 core, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
# the client gives up after 150 ms; the server cancels the task at its next await
async def handle_report(request):
    build_query()     # compute 20 ms "build query"
    await db_query()  # wait 50 ms "db query"
    render_page()     # compute 20 ms "render page"

