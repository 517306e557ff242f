# Smoke test of the Windows bundle or installer: the same checks as scripts/build_bundle.sh on
# Linux, run by .github/workflows/windows-bundle.yml. Not run on the development machine (Linux).
#
#   smoke.ps1 -Bundle build\bundle\dist\shenpian        the PyInstaller folder
#   smoke.ps1 -Installer build\bundle\installer\shenpian-setup-0.1.0.exe
#                                                        install per-user, check, uninstall
# Saved as UTF-8 with a BOM so Windows PowerShell reads the Chinese paths right.
param(
    [string]$Bundle = "",
    [string]$Installer = ""
)
$ErrorActionPreference = "Stop"
[Console]::OutputEncoding = [Text.Encoding]::UTF8  # the bundle prints UTF-8 (utf8_mode)

function Fail([string]$Why) { Write-Error "SMOKE FAILED: $Why"; exit 1 }
function Seconds([scriptblock]$Run) { [math]::Round((Measure-Command $Run).TotalSeconds, 2) }
function Check-Exit([string]$What) { if ($LASTEXITCODE -ne 0) { Fail "$What exited $LASTEXITCODE" } }

# No Python and no developer tools on PATH: only Windows itself.
$env:PATH = "$env:SystemRoot\System32;$env:SystemRoot"
foreach ($name in "python", "python3", "ffmpeg") {
    if (Get-Command $name -ErrorAction SilentlyContinue) { Fail "$name is still on PATH" }
}
$scratch = Join-Path ([IO.Path]::GetTempPath()) ("shenpian-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $scratch | Out-Null

function Test-Bundle([string]$Folder) {
    $exe = Join-Path $Folder "shenpian.exe"
    $gui = Join-Path $Folder "shenpian-gui.exe"
    if (-not (Test-Path $exe) -or -not (Test-Path $gui)) { Fail "no shenpian.exe / shenpian-gui.exe in $Folder" }
    $stamp = Get-Date
    $project = Join-Path $scratch "审片项目\演示.shenpian"
    $out = Join-Path $scratch "导出"
    New-Item -ItemType Directory $out -Force | Out-Null

    $demo = Seconds { & $exe demo $project | Out-Host }; Check-Exit "demo"
    $clip = Get-ChildItem (Split-Path $project) -Recurse -Filter *.mp4 | Sort-Object FullName | Select-Object -First 1
    if (-not $clip) { Fail "demo wrote no footage" }

    # A portrait phone clip (H.264 + AAC, display matrix 90°) made by the bundled ffmpeg.
    $ffmpeg = Get-ChildItem (Join-Path $Folder "_internal\imageio_ffmpeg\binaries") -Filter "ffmpeg*.exe" | Select-Object -First 1
    if (-not $ffmpeg) { Fail "no ffmpeg in the bundle" }
    $landscape = Join-Path $scratch "landscape.mp4"
    $phone = Join-Path $scratch "手机_竖屏.mp4"
    & $ffmpeg.FullName -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=640x360:rate=30" `
        -f lavfi -i "sine=frequency=440" -t 2 -c:v libx264 -pix_fmt yuv420p -c:a aac $landscape
    Check-Exit "ffmpeg"
    & $ffmpeg.FullName -hide_banner -loglevel error -y -display_rotation 90 -i $landscape -c copy $phone
    Check-Exit "ffmpeg rotate"

    $probe = Seconds { & $exe probe $clip.FullName | Out-Host }; Check-Exit "probe"
    $info = (& $exe probe $phone --json | Out-String) | ConvertFrom-Json; Check-Exit "probe --json"
    if ($info.height -ne 640 -or -not $info.has_audio) { Fail "probe: portrait clip with sound not seen right" }

    $png = Join-Path $out "画面.png"
    $frame = Seconds { & $exe frame $phone --at 1.0 -o $png | Out-Host }; Check-Exit "frame"
    Add-Type -AssemblyName System.Drawing
    $image = [System.Drawing.Image]::FromFile($png)
    $size = "$($image.Width)x$($image.Height)"; $image.Dispose()
    if ($size -ne "360x640") { Fail "frame: $size, not rotated for display" }

    $deck = Join-Path $out "汇报.pptx"
    $export = Seconds { & $exe export $project --format pptx -o $deck | Out-Host }; Check-Exit "export"
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($deck)
    $slides = @($zip.Entries | Where-Object FullName -like "ppt/slides/slide*.xml").Count; $zip.Dispose()
    if ($slides -lt 1) { Fail "deck has no slides" }

    $ErrorActionPreference = "Continue"  # stderr lines are the point here, not an error
    $err = & $exe --lang en probe (Join-Path $scratch "missing.mp4") 2>&1
    $ErrorActionPreference = "Stop"
    if ($LASTEXITCODE -ne 2 -or @($err).Count -ne 1) { Fail "a user error must be one line and exit 2: $err" }

    # The window: opens the project, saves a picture of itself after 2.5 s and quits (exit 0).
    $shot = Join-Path $scratch "window.png"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $proc = Start-Process $gui -ArgumentList "`"$project`"", "--screenshot", "`"$shot`"" -PassThru -Wait
    $window = [math]::Round($watch.Elapsed.TotalSeconds, 2)
    if ($proc.ExitCode -ne 0) { Fail "window exited $($proc.ExitCode)" }
    if (-not (Test-Path $shot)) { Fail "the window saved no screenshot" }
    if ($env:GITHUB_WORKSPACE) {
        New-Item -ItemType Directory "$env:GITHUB_WORKSPACE\artifacts" -Force | Out-Null
        Copy-Item $shot "$env:GITHUB_WORKSPACE\artifacts\windows_window.png"
    }
    # Settings in the user's registry hive, never beside the program.
    if (-not (Test-Path "HKCU:\Software\shenpian\shenpian")) { Fail "no settings in HKCU\Software\shenpian" }
    $written = Get-ChildItem $Folder -Recurse | Where-Object { $_.LastWriteTime -gt $stamp }
    if ($written) { Fail "the app wrote into its own folder: $($written[0].FullName)" }

    $mb = [math]::Round((Get-ChildItem $Folder -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)
    Write-Host "bundle: $Folder"
    Write-Host "size: $mb MB unpacked"
    Write-Host "demo: $demo s; probe: $probe s; frame: $frame s; export pptx: $export s"
    Write-Host "window: $window s (start, 2.5 s shown, clean exit)"
}

function Test-Installer([string]$Setup) {
    $app = Join-Path $env:LOCALAPPDATA "Programs\Shenpian"
    $proc = Start-Process $Setup -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/LOG=`"$scratch\install.log`"" -PassThru -Wait
    if ($proc.ExitCode -ne 0) { Fail "installer exited $($proc.ExitCode)" }
    if (-not (Test-Path "$app\shenpian-gui.exe")) { Fail "not installed per-user in $app" }
    $menu = Join-Path ([Environment]::GetFolderPath("Programs")) "暗访审片"
    foreach ($entry in "暗访审片", "暗访审片 演示项目", "暗访审片 命令行", "卸载暗访审片") {
        if (-not (Test-Path (Join-Path $menu "$entry.lnk"))) { Fail "no Start-menu entry $entry" }
    }
    $progId = (Get-ItemProperty "HKCU:\Software\Classes\.shenpian").'(default)'
    $open = (Get-ItemProperty "HKCU:\Software\Classes\$progId\shell\open\command").'(default)'
    if ($open -notlike "*shenpian-gui.exe*%1*") { Fail ".shenpian does not open with shenpian-gui.exe: $open" }

    Test-Bundle $app

    $proc = Start-Process "$app\unins000.exe" -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES" -PassThru -Wait
    if ($proc.ExitCode -ne 0) { Fail "uninstaller exited $($proc.ExitCode)" }
    # The uninstaller finishes in a copy of itself that runs on after unins000.exe exits.
    for ($i = 0; $i -lt 60 -and (Test-Path "$app\shenpian.exe"); $i++) { Start-Sleep -Milliseconds 500 }
    if (Test-Path "$app\shenpian.exe") { Fail "uninstall left the program behind" }
    if (Test-Path "HKCU:\Software\Classes\Shenpian.Project") { Fail "uninstall left the file association" }
}

if ($Installer) { Test-Installer (Resolve-Path $Installer).Path }
elseif ($Bundle) { Test-Bundle (Resolve-Path $Bundle).Path }
else { Fail "give -Bundle FOLDER or -Installer SETUP.EXE" }
Write-Host "SMOKE PASSED"
