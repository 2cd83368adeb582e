/*
 * docnum.h: the document number of an official document (发文字号).
 *
 * Every Chinese official document carries one under its issuer's name or
 * its title (GB/T 9704): the issuer's short name, the year in brackets,
 * the serial number and 号: 国发〔2023〕5号, 吉政明电〔2022〕1号,
 * 京政办发[2021]12号, 国办发﹝2023﹞15号.  A page of a document shows it on
 * a line of its own or after a label (发文字号：...), and a site's
 * furniture never has that shape, so the boilerplate step keeps such a
 * line as one of the document's bones.
 */
#ifndef SP_CLEAN_DOCNUM_H
#define SP_CLEAN_DOCNUM_H
#include <stddef.h>

/*
 * Is the line s[0..n) a document number and nothing else, blank space
 * aside, behind a label of a few Han characters and a colon, or blank
 * space, at most?
 */
int docnum_line(const char *s, size_t n);
/*
 * The bytes of the label s[0..n) opens with, blank space after its colon
 * too (发文字号：, 成 文 日 期:), or 0: up to DOCNUM_LABEL Han characters,
 * blank space between them, and a colon.
 */
size_t docnum_label(const char *s, size_t n);
#define DOCNUM_LABEL 8

#endif
