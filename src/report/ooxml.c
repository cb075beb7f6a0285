/* placeholder */
extern int lmp_ooxml_placeholder;
