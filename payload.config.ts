import { appEnv } from './src/host/config/env'
import { createPayloadConfig } from './src/host/config/payload'

// Every entry point (server, CLI, seed, Next) runs from the project root.
export default createPayloadConfig({ env: appEnv(), rootDir: process.cwd() })
