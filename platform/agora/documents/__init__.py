"""Business documents a student's work produces (an invoice, a quote, a credit note), as the
real French document: one HTML template for the page and the PDF, and the Factur-X invoice."""
