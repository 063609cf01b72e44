# server: sync (threads), 4 threads on 4 cores
# each request holds its thread from start to end, waits included
def handle_hash(request):
    hash_password()  # compute 20 ms "hash password"

