# server: event loop, 4 loops on 4 cores
# CPython with a GIL, one process per loop
# an await lets the loop run other requests; a plain call holds it
async def handle_hash(request):
    hash_password()  # compute 20 ms "hash password"

