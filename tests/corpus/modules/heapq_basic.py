# requires: MODULE_HEAPQ
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(3)], h)
h = [9, 4, 7, 1, 8, 2, 6, 3, 5]
heapq.heapify(h)
print(h)
print(heapq.heappushpop(h, 0), heapq.heappushpop(h, 10), h)
print(heapq.heapreplace(h, 0), h)
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(3, [5, 1, 8, 3, 9]), heapq.nlargest(10, [2, 1]), heapq.nsmallest(0, [1]))
print(heapq.nsmallest(2, ['bb', 'a', 'ccc', 'dd'], key=len), heapq.nlargest(2, ['bb', 'a', 'ccc', 'dd'], key=len))
tasks = []
for prio, name in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'aa')]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1)):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__)
