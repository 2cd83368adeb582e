/* lazylib.c: libraries loaded at their first use; see lazylib.h. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "lazylib.h"

/* Opens the library and fills the pointers: 1, or -1 with l->why. */
static int
load(struct sp_lazylib *l)
{
	void *lib = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL), *p;
	const char *e;
	size_t k;

	if (lib == NULL) {
		e = dlerror();
		snprintf(l->why, sizeof l->why, "%s", e ? e : l->soname);
		return -1;
	}
	for (k = 0; l->names[k] != NULL; k++) {
		if ((p = dlsym(lib, l->names[k])) == NULL) {
			snprintf(l->why, sizeof l->why, "%s has no %s",
			    l->soname, l->names[k]);
			/* No pointer is left into what is closed. */
			while (k-- > 0)
				memset(l->slots[k], 0, sizeof p);
			dlclose(lib);
			return -1;
		}
		/* POSIX: a function's address comes as a void *. */
		memcpy(l->slots[k], &p, sizeof p);
	}
	/* Kept to the end of the run: what it made is in use. */
	return 1;
}

int
sp_lazylib_load(struct sp_lazylib *l)
{
	int state = __atomic_load_n(&l->state, __ATOMIC_ACQUIRE);

	if (state == 0) {
		pthread_mutex_lock(&l->lock);
		if ((state = __atomic_load_n(&l->state,
		    __ATOMIC_RELAXED)) == 0) {
			state = load(l);
			__atomic_store_n(&l->state, state, __ATOMIC_RELEASE);
		}
		pthread_mutex_unlock(&l->lock);
	}
	return state > 0 ? 0 : -1;
}
