"""Who reads the audit log: DMC editors (and administrators, who may do anything).

Not the Social Media Team or Borough Support: the log names people of every borough and unit
(roles, exports, assignments), while those roles see only the units or boroughs they support,
and they make many of the changes it records. Nobody may add, change or delete an entry: the
model has only the view permission.
"""

from organisation.roles import EDITOR

VIEW_AUDIT_LOG = "audit.view_auditentry"

ROLE_PERMISSIONS = {EDITOR: {VIEW_AUDIT_LOG}}
