/*
 * heap.h: memory freed between units kept for the next one.
 *
 * A tool that decodes a JSON Lines record, or builds a document's output,
 * allocates and frees about the same memory for every unit.  glibc gives
 * the top of the heap back to the kernel whenever more than its trim
 * threshold is free there, so each unit's memory comes back as fresh
 * pages that the kernel must clear (a page fault every 4 KiB).
 */
#ifndef SP_HEAP_H
#define SP_HEAP_H

/*
 * Keeps up to 8 MiB of freed memory at the heap's top, and serves blocks
 * below 1 MiB (a record, a document's lines) from the heap.  Larger
 * blocks, the buffers of long lines that grow by doubling, are mapped
 * apart as before, so that growing one never holds its old and new
 * copies in the heap at once: peak memory stays as it was.  Only speed
 * depends on it: a no-op without glibc, and nothing to report if glibc
 * refuses.
 */
void sp_heap_keep(void);

#endif
