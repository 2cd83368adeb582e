/* heap.c: memory freed between units kept for the next one; see heap.h. */
#include <stdlib.h>	/* defines __GLIBC__ with glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "heap.h"

void
sp_heap_keep(void)
{
#ifdef __GLIBC__
	/* Either setting alone would stop glibc adjusting the other. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
}
