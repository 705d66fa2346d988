/**
 * Bytes a stretch of code allocates: the heap's growth between collections, summed (V8's
 * GCProfiler gives the heap before and after each one). Allocation barely moves with the machine's
 * load, so it shows a small change that CPU time on a shared machine hides.
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** Starts counting; the function returned stops and gives the bytes allocated since. */
export function countAllocation(): () => number {
  const profiler = new GCProfiler();
  const startUsed = getHeapStatistics().used_heap_size;
  profiler.start();
  return () => {
    const endUsed = getHeapStatistics().used_heap_size;
    let allocated = 0;
    let previousAfter = startUsed;
    for (const collection of profiler.stop().statistics) {
      allocated += collection.beforeGC.heapStatistics.usedHeapSize - previousAfter;
      previousAfter = collection.afterGC.heapStatistics.usedHeapSize;
    }
    return allocated + endUsed - previousAfter;
  };
}
