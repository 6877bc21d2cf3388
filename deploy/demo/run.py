"""``make hosted-demo``: the hosted mode on this machine, all on 127.0.0.1, until Ctrl-C.

PostgreSQL on a Unix socket in a temporary folder, the test identity provider (oidc-provider-mock),
two replicas (8601, 8602) and nginx (8600) with ``deploy/nginx/spoor2.conf``. Ctrl-C stops all of it
and removes the temporary folders (the demonstration's data is gone with them).
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from deploy.demo.stack import PEOPLE, Stack


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="spoor2-demo-"))
    stack = Stack(folder)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        print("Starting PostgreSQL, the identity provider, two replicas and nginx …", flush=True)
        stack.start()
        print(f"\nThe portal: {stack.url}   (replicas on 127.0.0.1:8601 and :8602)")
        print(f"Identity provider: {stack.issuer}  — log in with any name; prepared:")
        for sub, email in PEOPLE:
            print(f"  {sub:<10} {email}")
        print(f"Logs: {folder}\nPress Ctrl-C to stop everything.", flush=True)
        while True:
            time.sleep(1)
            gone = [name for name, process in stack.processes.items() if process.poll() is not None]
            if gone:
                print(f"Stopped unexpectedly: {', '.join(gone)} (see the logs in {folder})", file=sys.stderr)
                return 1
    except KeyboardInterrupt:
        print("\nStopping …")
        return 0
    finally:
        stack.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
