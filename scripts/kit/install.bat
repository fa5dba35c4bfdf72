@echo off
rem Windows: install the course from this kit, with no network.
rem   install.bat                      the complete course into .\norms-course
rem   install.bat --edition student    the student edition into .\norms-course-student
rem Uses the py launcher (python.org installs it); set PYTHON=C:\path\to\python.exe to choose.
if defined PYTHON ("%PYTHON%" "%~dp0install.py" %*) else (py -3 "%~dp0install.py" %*)
if errorlevel 1 pause
