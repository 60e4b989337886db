"""What the page scripts in pages/ share; no page lives here.

state    loading and Streamlit's caches (one read per source shared by every viewer), the
         typed load status, and the page context the frame (app.py) sets on every run
filters  the sidebar filters, bound to the link's query parameters
widgets  rendering helpers: inert sheet text, charts, empty states, cards, downloads
writing  the write path: one row appended to the shared Google Sheet
"""
