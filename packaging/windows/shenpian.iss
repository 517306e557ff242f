; Inno Setup 6 script: a per-user installer for the PyInstaller folder (packaging/shenpian.spec).
; No administrator rights: installs to %LOCALAPPDATA%\Programs\Shenpian, writes only to HKCU,
; associates .shenpian project files, Start-menu entries in Chinese.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\shenpian.iss
;
; Built and smoke-tested by .github/workflows/windows-bundle.yml (smoke.ps1 beside this file).
; Saved as UTF-8 with a BOM, which is how Inno Setup 6 knows to read the Chinese text.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (x64compatible)
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\build\bundle\dist\shenpian"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\bundle\installer"
#endif
#define GuiExe "shenpian-gui.exe"
#define ProgId "Shenpian.Project"

[Setup]
AppId={{5E0F3B8C-2D47-4A9B-8C1E-7F26D9A4B310}
AppName=暗访审片
AppVersion={#AppVersion}
AppVerName=暗访审片 {#AppVersion}
AppPublisher=暗访审片 (shenpian)
; Under PrivilegesRequired=lowest, {autopf} is the user's %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Shenpian
DefaultGroupName=暗访审片
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile=shenpian.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName=暗访审片
OutputDir={#OutputDir}
OutputBaseFilename=shenpian-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; Inno Setup ships ChineseSimplified.isl among its unofficial translations; the workflow puts
; it beside this script when the compiler lacks it. Without it the wizard is in English; the
; Start-menu entries and file type names below are Chinese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the libraries wholesale, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\暗访审片"; Filename: "{app}\{#GuiExe}"; Comment: "逐帧审看暗访视频，标注问题，导出台账、汇报材料和曝光片"
Name: "{group}\暗访审片 演示项目"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"; Comment: "打开自带的演示项目"
Name: "{group}\暗访审片 命令行"; Filename: "{cmd}"; Parameters: "/k ""set ""PATH={app};%PATH%"" && shenpian --help"""; WorkingDir: "{userdocs}"; Comment: "在命令提示符中使用 shenpian 命令"
Name: "{group}\卸载暗访审片"; Filename: "{uninstallexe}"
Name: "{autodesktop}\暗访审片"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; Per-user file association (HKA is HKCU for a non-admin install): double-click opens the project.
Root: HKA; Subkey: "Software\Classes\.shenpian"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.shenpian\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "暗访审片项目"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "暗访审片"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".shenpian"; ValueData: ""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,暗访审片}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Thumbnails and frame indexes can always be rebuilt. Settings (HKCU\Software\shenpian), the
; demo project and the user's own projects stay: they are the user's, not the program's.
Type: filesandordirs; Name: "{localappdata}\shenpian\Cache"
