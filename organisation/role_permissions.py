"""What each role may do in the organisation app: take training, see people, assign training.

Staff roles reach the Wagtail admin; officers never do.
"""

from .roles import (
    ADMIN_ACCESS,
    BOROUGH_SPOC,
    BOROUGH_SUPPORT,
    EDITOR,
    OFFICER,
    PRESS_BUREAU,
    SOCIAL_MEDIA_TEAM,
)

TAKE_TRAINING = "organisation.take_training"

ROLE_PERMISSIONS = {
    OFFICER: {TAKE_TRAINING},
    BOROUGH_SPOC: {
        ADMIN_ACCESS,
        TAKE_TRAINING,
        "organisation.view_own_borough",
        "organisation.assign_training",
    },
    BOROUGH_SUPPORT: {
        ADMIN_ACCESS,
        TAKE_TRAINING,
        "organisation.view_supported_boroughs",
        "organisation.assign_training",
    },
    SOCIAL_MEDIA_TEAM: {
        ADMIN_ACCESS,
        TAKE_TRAINING,
        "organisation.view_units",
        "organisation.view_force",  # "the units, and the force as a whole"
        "organisation.assign_training",
    },
    PRESS_BUREAU: {ADMIN_ACCESS, TAKE_TRAINING},
    # DMC's contact numbers and addresses are edited by the people who publish guidance.
    EDITOR: {ADMIN_ACCESS, TAKE_TRAINING, "organisation.change_contactsettings"},
}
