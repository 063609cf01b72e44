# server: sync (threads), 1 thread on 1 core
# 1 thread for 2 tasks: a task waits for a free thread, so they run one after another, in start order

def producer(items):
    for _ in range(40):
        make_item()   # compute 50 ms "make item"
        items.put(item)
        fetch_next()  # wait 450 ms "fetch next"

def consumer(items):
    for _ in range(40):
        item = items.get()
        process_item()  # wait 250 ms "process item"

def main():
    items = queue.Queue()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(producer, items)
        pool.submit(consumer, items)
