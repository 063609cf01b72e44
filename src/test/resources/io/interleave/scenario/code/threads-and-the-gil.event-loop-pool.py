# server: event loop + thread pool, 4 loops on 4 cores, 40 pool threads
# an await lets the loop run other requests; a plain call holds it
async def handle_hash(request):
    hash_password()  # compute 20 ms "hash password"

