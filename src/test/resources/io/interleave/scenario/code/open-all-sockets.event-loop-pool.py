# server: event loop + thread pool, 10 loops on 1 core, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
async def handle_dashboard(request):
    parse_request()        # compute 2 ms "parse request"
    await asyncio.gather(  # gather "three service calls"
        call_service_A(),  # wait 100 ms "call service A"
        call_service_B(),  # wait 100 ms "call service B"
        call_service_C(),  # wait 100 ms "call service C"
    )
    render_page()          # compute 2 ms "render page"

