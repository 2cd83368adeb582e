/*
 * Unit tests of common/lazylib.c: a library is loaded at the first call
 * and its functions set (libm's cos, which every machine has); later
 * calls say the same without loading again; a library that is not there
 * and a function a library lacks are told, and leave every pointer unset;
 * threads that load one side by side all find it.
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "check.h"
#include "lazylib.h"

static __typeof__(cos) *my_cos;
static __typeof__(sqrt) *my_sqrt;
static const char *const names[] = { "cos", "sqrt", NULL };
static void *const slots[] = { &my_cos, &my_sqrt };
static struct sp_lazylib libm = SP_LAZYLIB_INIT("libm.so.6", names, slots);

static __typeof__(cos) *no_fn, *before_fn;
static const char *const no_names[] = { "sin", "no_such_function_of_libm",
    NULL };
static void *const no_slots[] = { &before_fn, &no_fn };
static struct sp_lazylib lacks = SP_LAZYLIB_INIT("libm.so.6", no_names,
    no_slots);
static struct sp_lazylib absent = SP_LAZYLIB_INIT("libsp-no-such.so.9",
    names, slots);

/* For the threads: one library, loaded by whichever comes first. */
static __typeof__(cos) *t_cos;
static const char *const t_names[] = { "cos", NULL };
static void *const t_slots[] = { &t_cos };
static struct sp_lazylib shared = SP_LAZYLIB_INIT("libm.so.6", t_names,
    t_slots);

static void *
load_shared(void *arg)
{
	int *ok = arg;

	*ok = sp_lazylib_load(&shared) == 0 && t_cos != NULL &&
	    t_cos(0.0) == 1.0;
	return NULL;
}

int
main(void)
{
	pthread_t t[4];
	int ok[4], k;

	CHECK_INT(sp_lazylib_load(&absent), -1);
	CHECK(my_cos == NULL);
	CHECK(strstr(absent.why, "libsp-no-such.so.9") != NULL);
	CHECK_INT(sp_lazylib_load(&absent), -1);	/* tried once */
	CHECK_INT(sp_lazylib_load(&libm), 0);
	CHECK(my_cos != NULL && my_sqrt != NULL);
	if (my_cos != NULL && my_sqrt != NULL) {
		CHECK(my_cos(0.0) == 1.0);
		CHECK(my_sqrt(16.0) == 4.0);
	}
	CHECK_INT(sp_lazylib_load(&libm), 0);
	CHECK_INT(sp_lazylib_load(&lacks), -1);
	CHECK(no_fn == NULL);
	CHECK(before_fn == NULL);	/* found, then unset with the rest */
	CHECK(strstr(lacks.why, "has no no_such_function_of_libm") != NULL);
	for (k = 0; k < 4; k++)
		CHECK_INT(pthread_create(&t[k], NULL, load_shared, &ok[k]), 0);
	for (k = 0; k < 4; k++) {
		pthread_join(t[k], NULL);
		CHECK(ok[k]);
	}
	return check_done("test_lazylib");
}
