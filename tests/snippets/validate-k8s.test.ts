import { describe, expect, it } from 'vitest'
import { validateK8sYaml } from '../../scripts/snippets/validate-k8s'

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            limits: { cpu: 500m, memory: 128Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
      nodePort: 30080
`

describe('validateK8sYaml', () => {
  it('accepts a valid Deployment + Service', () => {
    expect(validateK8sYaml(deployment)).toEqual([])
  })

  it('accepts other kinds when apiVersion, kind and metadata.name are there', () => {
    expect(validateK8sYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n')).toEqual([])
  })

  it('rejects missing basics', () => {
    const errs = validateK8sYaml('kind: Pod\nmetadata: {}\nspec:\n  containers: []\n')
    expect(errs.join('\n')).toMatch(/missing "apiVersion"/)
    expect(errs.join('\n')).toMatch(/missing "name"/)
    expect(errs.join('\n')).toMatch(/containers.*(fewer than 1|must NOT have fewer)/)
  })

  it('rejects a Deployment whose selector does not match the template labels', () => {
    const bad = deployment.replace('      app: web\n  template', '      app: api\n  template')
    expect(validateK8sYaml(bad).join('\n')).toMatch(/matchLabels\/app: "api" does not match/)
  })

  it('rejects wrong apiVersion, ports and container shape', () => {
    const bad = deployment
      .replace('apiVersion: apps/v1', 'apiVersion: v1')
      .replace('containerPort: 80', 'containerPort: 70000')
      .replace('nodePort: 30080', 'nodePort: 80')
      .replace('        - name: web\n          image: nginx:1.27', '        - name: Web_1')
    const text = validateK8sYaml(bad).join('\n')
    expect(text).toMatch(/Deployment\/web \/apiVersion: must be "apps\/v1"/)
    expect(text).toMatch(/containerPort: must be <= 65535/)
    expect(text).toMatch(/nodePort: must be >= 30000/)
    expect(text).toMatch(/missing "image"/)
    expect(text).toMatch(/name: must match pattern/)
  })

  it('reports YAML syntax errors', () => {
    expect(validateK8sYaml('apiVersion: v1\nkind: [unclosed\n')[0]).toMatch(/^YAML: /)
  })
})
