# server: sync (threads), 10 threads on 1 core
# each request holds its thread from start to end, waits included
# the thread runs gather(...)'s calls one after another
def handle_dashboard(request):
    parse_request()        # compute 2 ms "parse request"
    gather(                # gather "three service calls"
        call_service_A(),  # wait 100 ms "call service A"
        call_service_B(),  # wait 100 ms "call service B"
        call_service_C(),  # wait 100 ms "call service C"
    )
    render_page()          # compute 2 ms "render page"

