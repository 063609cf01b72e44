# server: event loop, 1 loop on 1 core
# every task is a coroutine on the loop: an await lets another run; a plain call holds it

async def producer(items):
    for _ in range(40):
        make_item()         # compute 50 ms "make item"
        await items.put(item)
        await fetch_next()  # wait 450 ms "fetch next"

async def consumer(items):
    for _ in range(40):
        item = await items.get()
        await process_item()  # wait 250 ms "process item"

async def main():
    items = asyncio.Queue()
    await asyncio.gather(
        producer(items),
        consumer(items),
    )
