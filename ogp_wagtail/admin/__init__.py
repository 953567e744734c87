"""The admin side of ogp-wagtail: viewsets, header buttons and the guards on admin actions."""
