import asyncio


async def fetch(session, url):
    async with session.get(url) as response, session.lock():
        data = await response.read()
    async for chunk in response.content:
        await handle(chunk)
    else:
        pass
    result = [x async for x in aiter_items() if await check(x)]
    squares = {k: await v async for k, v in pairs()}
    gen = (await y for y in items)
    nested = [a for a in range(3) async for b in agen(a)]
    return await asyncio.gather(*[fetch_one(u) for u in urls]), await (await factory())


async def generator():
    yield 1
    await asyncio.sleep(0)
    async with lock:
        pass


class Service:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        return await self.close()


await_ = 1
async_ = await_
