# server: sync (threads), 4 threads on 4 cores
# CPython with a GIL, 1 process x 4 threads
# each request holds its thread from start to end, waits included
def handle_hash(request):
    hash_password()  # compute 20 ms "hash password"

