"""The bundled sample case, built from a news article through the service layer."""
