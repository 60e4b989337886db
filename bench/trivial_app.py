import streamlit as st

st.write("ok")  # the baseline page of bench/benchmark.py (#4): as little as a page can be
