"""Settings per environment: base (shared), development (default), test, production.

Choose with DJANGO_SETTINGS_MODULE; everything a deployment varies comes from the
environment (DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, MINUTEBOOK_DATA_DIR).
"""
