// A virtual X display for the engines that draw WebGL2 only with a display (Firefox ESR: headless
// Firefox here cannot create a WebGL2 context; WebKitGTK's MiniBrowser is a GTK window). Xvfb picks
// a free display number itself (-displayfd), so several engines can start one each at the same time,
// which `xvfb-run -a` does not do safely.
import { spawn } from "node:child_process";

export async function startXvfb({ width = 1280, height = 1024 } = {}) {
    const child = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", `${width}x${height}x24`, "-nolisten", "tcp", "-noreset"],
                        { stdio: ["ignore", "ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => { stderr += chunk; });
    const display = await new Promise((resolve, reject) => {
        let text = "";
        const timer = setTimeout(() => reject(new Error("Xvfb did not start in 20 s: " + stderr)), 20000);
        child.stdio[3].on("data", (chunk) => {
            text += chunk;
            if (text.includes("\n")) { clearTimeout(timer); resolve(":" + text.trim()); }
        });
        child.on("error", (error) => { clearTimeout(timer); reject(new Error("Xvfb could not run (is the xvfb package installed?): " + error.message)); });
        child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
    });
    child.removeAllListeners("exit");
    return {
        display,
        stop: () => new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", resolve);
            child.kill("SIGTERM");
        }),
    };
}
