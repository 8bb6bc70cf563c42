"""What each role may do with the guidance pages.

The Social Media Team edits the guidance but publishes through moderation ("DMC sign-off");
DMC editors approve and publish. Page permissions are granted on the root page, so they cover
the whole guidance tree.
"""

from organisation.roles import EDITOR, SOCIAL_MEDIA_TEAM

PAGE_PERMISSIONS = {
    SOCIAL_MEDIA_TEAM: ("add_page", "change_page"),
    EDITOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
MODERATED_PAGES = True

GUIDANCE_MEDIA = {
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
}
COLLECTION_PERMISSIONS = {SOCIAL_MEDIA_TEAM: GUIDANCE_MEDIA, EDITOR: GUIDANCE_MEDIA}
