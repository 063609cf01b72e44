# server: event loop + thread pool, 4 loops on 4 cores, 40 pool threads
# CPython with a GIL, one process per loop, each with its own pool
# an await lets the loop run other requests; a plain call holds it
async def handle_hash(request):
    hash_password()  # compute 20 ms "hash password"

