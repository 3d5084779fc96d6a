# 本站的离线副本：nginx 在 80 端口提供构建好的站点（说明见 docs/about/offline-image.md）
#   npm ci && npm run build        # 先构建站点，输出在 .vitepress/dist
#   docker build -t docker-kb .
#   docker run -d -p 8080:80 docker-kb
FROM nginx:stable-alpine
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY .vitepress/dist/ /usr/share/nginx/html/
