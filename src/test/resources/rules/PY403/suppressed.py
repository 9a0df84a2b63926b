from django.utils.safestring import mark_safe


def help_text(option):
    return mark_safe(option.help)  # nosec


def help_text_bandit(option):
    return mark_safe(option.help)  # nosec B308


def help_text_ruff(option):
    return mark_safe(option.help)  # noqa: S308


def help_text_ours(option):
    return mark_safe(option.help)  # security-review: ignore[PY403]


def help_text_other(option):
    return mark_safe(option.help)  # noqa: S101  # expect: PY403:12
