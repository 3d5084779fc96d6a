#!/bin/sh
echo "docker-kb stand-in for soulter/astrbot (not the real AstrBot): serving a placeholder WebUI on :6185"
mkdir -p /AstrBot/data
exec httpd -f -p 6185 -h /var/www/astrbot
