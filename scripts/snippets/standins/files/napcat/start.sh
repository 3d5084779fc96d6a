#!/bin/sh
echo "docker-kb stand-in for mlikiowa/napcat-docker (not the real NapCat): serving a placeholder WebUI on :6099"
mkdir -p /app/napcat/config /app/.config/QQ
exec httpd -f -p 6099 -h /var/www/napcat
