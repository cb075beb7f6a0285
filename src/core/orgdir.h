/*
** orgdir.h — resolving organisation names the way reviews write them.
**
** Reviews name the same body many ways: "MOFA&IC", "MOFAIC", "Ministry of
** Foreign Affairs and International Cooperation".  An OrgDir indexes a
** model's organisations by acronym, full name and aliases (compared after
** str_fold: case, spacing and '-' do not matter) and, for a name it does not
** know, suggests the closest known ones.
*/
#ifndef LMPMON_ORGDIR_H
#define LMPMON_ORGDIR_H

#include "model.h"
#include "../base/buf.h"

typedef struct OrgDir OrgDir;

/* Index the organisations of m (m must outlive the OrgDir). */
OrgDir *orgdir_new(const Model *m);
void orgdir_free(OrgDir *d);

/* Re-read m after organisations were added to it. */
void orgdir_refresh(OrgDir *d);

/* Index the organisation m->aOrg[iOrg] just appended to the model (its
** acronym, name and aliases): what orgdir_refresh() would do for it,
** without re-reading the others.  Importers creating organisations one
** at a time use this to keep the cost of each independent of the
** directory's size. */
void orgdir_add_org(OrgDir *d, size_t iOrg);

/* The organisation named z (acronym, alias or full name), or NULL. */
const Org *orgdir_resolve(const OrgDir *d, const char *z);

/* Append to b up to nMax known names closest to z, quoted and separated by
** ", " ("'MOFA&IC', 'MOFA'"); appends nothing if none is close. */
void orgdir_suggest(const OrgDir *d, const char *z, size_t nMax, Buf *b);

/* The rule that organisations' parents form a tree, never a cycle (A's
** parent B, B's parent A), which an export could not be imported from:
** parents must come first.  Checks the organisations of db as upd would
** leave them (an organisation of upd replaces db's of the same acronym,
** its parent included; the others keep db's).  Returns 1 when one of
** upd's organisations is on a cycle: *piOrg is the index in upd of the
** first such, and its cycle is appended to pPath ("A → B → A").  Returns
** 0 when there is none; cycles among db's organisations alone, which upd
** did not make, are not reported.  A parent nobody has is no cycle (the
** importer reports it).  Allocates only temporarily. */
int orgdir_find_parent_cycle(const Model *db, const Model *upd, size_t *piOrg,
                             Buf *pPath);

#endif
